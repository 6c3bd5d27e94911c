import {
  ColumnNode,
  ColumnUpdateNode,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  OperatorNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  ValueNode,
} from 'kysely';
import {
  bidxColumn,
  indexPurpose,
  PROTECTED_COLUMNS,
  type Protection,
  protectFields,
  revealDeep,
  tokenizeThrottleKey,
} from './field-protection';
import type { KeyRing } from './protection-keys';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's nodes are frozen readonly records, rebuilt here by spreading
type AnyNode = any;

/**
 * Personal identifiers at rest (issue 20 point 5) in one place, under every query of the app's
 * connection, so the capabilities' queries read as they did: written values of the protected
 * columns (field-protection.ts) are sealed, with the blind index beside each indexed one; a
 * comparison of an indexed column with a value (`where phone = ?`, `in`, an exact `like`, an
 * `on conflict (…, phone)`) compares the blind indexes instead; every sealed value a query answers
 * is opened. Runs after CamelCasePlugin, so it sees the tables' and columns' SQL names. Raw `sql`
 * text is not rewritten: the few raw statements on these columns only clear them (retention).
 */
export class ProtectionPlugin implements KyselyPlugin {
  readonly #transformer: ProtectionTransformer;

  constructor(readonly ring: KeyRing) {
    this.#transformer = new ProtectionTransformer(ring);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // Most statements name no protected table: a look costs less than a rebuilt tree.
    return namesProtectedTable(args.node) ? this.#transformer.transformNode(args.node, args.queryId) : args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) revealDeep(this.ring, row);
    return args.result;
  }
}

const tableName = (node: AnyNode): string | undefined =>
  node?.kind === 'TableNode' ? node.table.identifier.name : node?.kind === 'AliasNode' ? tableName(node.node) : undefined;
const aliasName = (node: AnyNode): string | undefined =>
  node?.kind === 'AliasNode' ? (node.alias.name ?? node.alias.identifier?.name) : tableName(node);

function namesProtectedTable(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(namesProtectedTable);
  const n = node as AnyNode;
  if (n.kind === 'TableNode') return Object.hasOwn(PROTECTED_COLUMNS, n.table.identifier.name);
  if (n.kind === 'ValueNode' || n.kind === 'PrimitiveValueListNode' || n.kind === 'IdentifierNode') return false;
  for (const k in n) if (namesProtectedTable(n[k])) return true;
  return false;
}

type Scope = Map<string, string>;

class ProtectionTransformer extends OperationNodeTransformer {
  readonly #scopes: Scope[] = [];

  constructor(private readonly ring: KeyRing) {
    super();
  }

  #within<T>(tables: AnyNode[], work: () => T): T {
    const scope: Scope = new Map();
    for (const t of tables) {
      const name = tableName(t);
      if (name) scope.set(aliasName(t) ?? name, name);
    }
    this.#scopes.push(scope);
    try {
      return work();
    } finally {
      this.#scopes.pop();
    }
  }

  protected override transformSelectQuery(node: AnyNode, queryId?: QueryId) {
    const tables = [...(node.from?.froms ?? []), ...(node.joins ?? []).map((j: AnyNode) => j.table)];
    return this.#within(tables, () => super.transformSelectQuery(node, queryId));
  }

  protected override transformDeleteQuery(node: AnyNode, queryId?: QueryId) {
    const tables = [
      ...(node.from?.froms ?? []),
      ...(node.using?.tables ?? []),
      ...(node.joins ?? []).map((j: AnyNode) => j.table),
    ];
    return this.#within(tables, () => super.transformDeleteQuery(node, queryId));
  }

  protected override transformUpdateQuery(node: AnyNode, queryId?: QueryId) {
    const out: AnyNode = this.#within([node.table, ...(node.from?.froms ?? [])], () => super.transformUpdateQuery(node, queryId));
    const columns = PROTECTED_COLUMNS[tableName(node.table) ?? ''];
    if (!columns || !out.updates) return out;
    return { ...out, updates: this.#protectUpdates(columns, out.updates) };
  }

  protected override transformInsertQuery(node: AnyNode, queryId?: QueryId) {
    const out: AnyNode = this.#within([node.into], () => super.transformInsertQuery(node, queryId));
    const columns = PROTECTED_COLUMNS[tableName(node.into) ?? ''];
    if (!columns || !out.columns) return out;
    const names: string[] = out.columns.map((c: AnyNode) => c.column.name);
    const added = names.filter((n) => columns[n] === 'indexed' && !names.includes(bidxColumn(n)));
    let values = out.values;
    if (values?.kind === 'ValuesNode') {
      values = {
        ...values,
        values: values.values.map((row: AnyNode) => {
          const primitive = row.kind === 'PrimitiveValueListNode';
          const cells: AnyNode[] = [...row.values];
          const extra: unknown[] = [];
          names.forEach((name, i) => {
            const kind = columns[name];
            if (!kind) return;
            const clear = primitive ? cells[i] : cells[i]?.kind === 'ValueNode' ? cells[i].value : undefined;
            if (clear === undefined) return;
            const sealed = this.#write(kind, clear);
            cells[i] = primitive ? sealed : { ...cells[i], value: sealed };
            if (added.includes(name)) extra.push(this.#index(name, clear));
          });
          const tail = primitive ? extra : extra.map((v) => ValueNode.create(v));
          return { ...row, values: [...cells, ...tail] };
        }),
      };
    }
    const onConflict = out.onConflict && {
      ...out.onConflict,
      columns: out.onConflict.columns?.map((c: AnyNode) =>
        columns[c.column.name] === 'indexed' ? ColumnNode.create(bidxColumn(c.column.name)) : c,
      ),
      updates: out.onConflict.updates && this.#protectUpdates(columns, out.onConflict.updates),
    };
    return { ...out, columns: [...out.columns, ...added.map((n) => ColumnNode.create(bidxColumn(n)))], values, onConflict };
  }

  protected override transformBinaryOperation(node: AnyNode, queryId?: QueryId) {
    const out: AnyNode = super.transformBinaryOperation(node, queryId);
    const column = this.#protectedReference(out.leftOperand);
    if (!column) return out;
    const { name, kind } = column;
    const operator: string = out.operator.operator;
    const token = (v: unknown) => (kind === 'token' ? this.#write('token', v) : this.#index(name, v));
    const right = out.rightOperand;
    if (operator === 'like' && right.kind === 'ValueNode' && typeof right.value === 'string') {
      // An indexed value has no parts to match: a pattern finds the one value it spells out whole.
      const whole = right.value.replace(/^%|%$/g, '').replace(/\\(.)/g, '$1');
      return {
        ...out,
        leftOperand: this.#indexRef(out.leftOperand, column),
        operator: OperatorNode.create('='),
        rightOperand: ValueNode.create(token(whole)),
      };
    }
    if (!['=', '!=', '<>', 'in', 'not in'].includes(operator)) return out;
    let rightOperand = right;
    if (right.kind === 'ValueNode') rightOperand = { ...right, value: token(right.value) };
    else if (right.kind === 'PrimitiveValueListNode') rightOperand = { ...right, values: right.values.map(token) };
    else if (right.kind === 'ValueListNode')
      rightOperand = {
        ...right,
        values: right.values.map((v: AnyNode) => (v.kind === 'ValueNode' ? { ...v, value: token(v.value) } : v)),
      };
    else return out;
    return { ...out, leftOperand: this.#indexRef(out.leftOperand, column), rightOperand };
  }

  /** The indexed (or tokenised) column a comparison's left side names, resolved through the query's tables. */
  #protectedReference(node: AnyNode): { name: string; kind: Protection } | undefined {
    const ref = node?.kind === 'ReferenceNode' ? node : node?.kind === 'ColumnNode' ? { column: node } : undefined;
    if (ref?.column?.kind !== 'ColumnNode') return undefined;
    const name: string = ref.column.column.name;
    const qualifier = ref.table ? tableName(ref.table) : undefined;
    for (let i = this.#scopes.length - 1; i >= 0; i--) {
      const scope = this.#scopes[i]!;
      const tables = qualifier ? [scope.get(qualifier)].filter(Boolean) : [...scope.values()];
      for (const t of tables) {
        const kind = PROTECTED_COLUMNS[t!]?.[name];
        if (kind === 'indexed' || kind === 'token') return { name, kind };
      }
      if (qualifier && scope.has(qualifier)) return undefined;
    }
    return undefined;
  }

  #indexRef(node: AnyNode, column: { name: string; kind: Protection }): AnyNode {
    if (column.kind === 'token') return node;
    const renamed = ColumnNode.create(bidxColumn(column.name));
    return node.kind === 'ReferenceNode' ? { ...node, column: renamed } : renamed;
  }

  #protectUpdates(columns: Record<string, Protection>, updates: AnyNode[]): AnyNode[] {
    return updates.flatMap((u: AnyNode) => {
      const name: string | undefined = u.column?.column?.name;
      const kind = name ? columns[name] : undefined;
      if (!name || !kind || u.value?.kind !== 'ValueNode') return [u];
      const sealed = { ...u, value: { ...u.value, value: this.#write(kind, u.value.value) } };
      if (kind !== 'indexed') return [sealed];
      return [
        sealed,
        ColumnUpdateNode.create(ColumnNode.create(bidxColumn(name)), ValueNode.create(this.#index(name, u.value.value))),
      ];
    });
  }

  #write(kind: Protection, clear: unknown): unknown {
    if (typeof clear !== 'string' && kind !== 'json') return clear;
    if (kind === 'json') return clear === null ? clear : protectFields(this.ring, clear);
    const value = clear as string;
    if (kind === 'token') return tokenizeThrottleKey(this.ring, value);
    return value === '' || value.startsWith('pd1.') ? value : this.ring.seal(value);
  }

  #index(column: string, clear: unknown): unknown {
    if (typeof clear !== 'string') return clear;
    return this.ring.blindIndex(indexPurpose(column), clear);
  }
}

export type { OperationNode };
