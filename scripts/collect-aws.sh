#!/usr/bin/env bash
# Collects the network of one or more AWS accounts for Private Network Designer's "Import from AWS".
# Needs bash and AWS CLI v2 only. Every AWS call is read-only (describe-*, search-transit-gateway-routes,
# get-transit-gateway-route-table-propagations, plus sts to learn the
# account id and to assume a role you name); the IAM policy it needs is in docs/import.md.
#
# Writes OUT/ACCOUNT_ID/REGION/<call>.json with the unmodified JSON of each call, and nothing else.
#
#   scripts/collect-aws.sh --out DIR --region us-east-1 [--region eu-west-1 ...]
#                          [--profile NAME ...] [--role-arn ARN ... [--source-profile NAME]]
#
# Each --profile and each --role-arn is one account; with neither, the default credentials are used.
# Regions and profiles may also be given comma-separated (--region us-east-1,eu-west-1).
set -euo pipefail

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

out=""
source_profile=""
regions=()
profiles=()
roles=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    --region) IFS=',' read -r -a more <<<"${2:?--region needs a region}"; regions+=("${more[@]}"); shift 2 ;;
    --profile) IFS=',' read -r -a more <<<"${2:?--profile needs a profile name}"; profiles+=("${more[@]}"); shift 2 ;;
    --role-arn) roles+=("${2:?--role-arn needs an ARN}"); shift 2 ;;
    --source-profile) source_profile="${2:?--source-profile needs a profile name}"; shift 2 ;;
    -h | --help) usage ;;
    *) echo "collect-aws: unknown argument $1" >&2; usage ;;
  esac
done
[ -n "$out" ] || { echo "collect-aws: --out DIR is required" >&2; usage; }
[ "${#regions[@]}" -gt 0 ] || { echo "collect-aws: at least one --region is required" >&2; usage; }
command -v aws >/dev/null 2>&1 || { echo "collect-aws: the AWS CLI v2 (aws) is not on PATH" >&2; exit 2; }

# No pager, JSON always, whatever the user's CLI configuration says.
export AWS_PAGER=""

# One call, its JSON written to a file. Written beside and renamed, so a failed call leaves no half file.
save() {
  local file="$1"
  shift
  aws "$@" --output json >"$file.partial"
  mv "$file.partial" "$file"
}

collect_account() {
  # "$@": credential arguments for every call (--profile NAME, or nothing for the environment).
  local account region dir vpc attribute tgw_rtb
  account="$(aws sts get-caller-identity --query Account --output text "$@")"
  for region in "${regions[@]}"; do
    dir="$out/$account/$region"
    mkdir -p "$dir"
    echo "collect-aws: account $account, region $region" >&2
    save "$dir/describe-vpcs.json" ec2 describe-vpcs --region "$region" "$@"
    save "$dir/describe-subnets.json" ec2 describe-subnets --region "$region" "$@"
    save "$dir/describe-route-tables.json" ec2 describe-route-tables --region "$region" "$@"
    save "$dir/describe-security-groups.json" ec2 describe-security-groups --region "$region" "$@"
    save "$dir/describe-vpc-endpoints.json" ec2 describe-vpc-endpoints --region "$region" "$@"
    save "$dir/describe-vpc-peering-connections.json" ec2 describe-vpc-peering-connections --region "$region" "$@"
    save "$dir/describe-transit-gateways.json" ec2 describe-transit-gateways --region "$region" "$@"
    save "$dir/describe-transit-gateway-attachments.json" ec2 describe-transit-gateway-attachments --region "$region" "$@"
    save "$dir/describe-transit-gateway-vpc-attachments.json" ec2 describe-transit-gateway-vpc-attachments --region "$region" "$@"
    save "$dir/describe-transit-gateway-route-tables.json" ec2 describe-transit-gateway-route-tables --region "$region" "$@"
    # Per TGW route table the account owns: its routes (static and propagated; the API requires a
    # filter) and which attachments propagate into it.
    for tgw_rtb in $(aws ec2 describe-transit-gateway-route-tables --region "$region" --query "TransitGatewayRouteTables[?State=='available'].TransitGatewayRouteTableId" --output text "$@"); do
      save "$dir/search-transit-gateway-routes-$tgw_rtb.json" ec2 search-transit-gateway-routes \
        --transit-gateway-route-table-id "$tgw_rtb" --filters Name=state,Values=active,blackhole --region "$region" "$@"
      save "$dir/get-transit-gateway-route-table-propagations-$tgw_rtb.json" ec2 get-transit-gateway-route-table-propagations \
        --transit-gateway-route-table-id "$tgw_rtb" --region "$region" "$@"
    done
    # DNS attributes are per VPC, and only the owner may read them (shared VPCs are skipped here).
    for vpc in $(aws ec2 describe-vpcs --region "$region" --query "Vpcs[?OwnerId=='$account'].VpcId" --output text "$@"); do
      for attribute in enableDnsSupport enableDnsHostnames; do
        save "$dir/describe-vpc-attribute-$vpc-$attribute.json" \
          ec2 describe-vpc-attribute --vpc-id "$vpc" --attribute "$attribute" --region "$region" "$@"
      done
    done
  done
}

if [ "${#profiles[@]}" -eq 0 ] && [ "${#roles[@]}" -eq 0 ]; then
  collect_account
fi
for profile in "${profiles[@]}"; do
  collect_account --profile "$profile"
done
for role in "${roles[@]}"; do
  base=()
  [ -n "$source_profile" ] && base=(--profile "$source_profile")
  read -r key secret token < <(aws sts assume-role --role-arn "$role" --role-session-name pnd-collect \
    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text "${base[@]}")
  (
    export AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_SESSION_TOKEN="$token"
    unset AWS_PROFILE
    collect_account
  )
done
echo "collect-aws: done; import with: pnd import aws $out --out design.json (or drop the folder on Import from AWS)" >&2
