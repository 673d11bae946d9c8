// Shell text for the generated scripts. User-written names and descriptions are data: every
// argument is quoted unless it is made only of characters the shell leaves alone.

export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9@%+=:,./_-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `PROFILE_222222222222`: the variable a script reads the profile of that account from. */
export function profileVariable(accountNumber: string): string {
  return `PROFILE_${accountNumber.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** A shell variable for an AWS id that exists only once the script has created it. */
export function createdVariable(designId: string): string {
  return designId.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
}
