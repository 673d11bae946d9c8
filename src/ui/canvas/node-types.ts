// Which node component the canvas draws for each node type: the one table to extend when a kind
// gets a node. Each node lives in its kind's folder (src/ui/kinds/<kind>/Node.tsx). Nodes are
// memoized and defined at module level (React Flow's performance guide); each reads its own
// findings (issues.ts), so a validation answer re-renders only the nodes whose badge changed.
import { AccountNode } from '../kinds/account/Node';
import { RepositoryNode } from '../kinds/repository/Node';
import { SubnetNode } from '../kinds/subnet/Node';
import { TransitGatewayNode } from '../kinds/transitGateway/Node';
import { VpcNode } from '../kinds/vpc/Node';

export const nodeTypes = {
  transitGateway: TransitGatewayNode,
  account: AccountNode,
  vpc: VpcNode,
  subnet: SubnetNode,
  repository: RepositoryNode,
};
