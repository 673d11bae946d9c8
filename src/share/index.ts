// Share links and their compact encoding: pure, so the app, the CLI and tests share one codec.
export * from './codec';
