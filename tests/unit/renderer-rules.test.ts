import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The renderer's own rules (eslint): features stay apart, and query keys come from one factory. */
const eslint = new ESLint({ cwd: process.cwd() });

async function messages(filePath: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('renderer rules', () => {
  it('a feature imports no other feature (clients ↔ assignments least of all)', async () => {
    const imp = (file: string, from: string) =>
      messages(file, `import { x } from '${from}';\nexport const y = x;\n`, 'no-restricted-imports');
    expect(await imp('renderer/src/features/clients/Probe.tsx', '../assignments/present')).toHaveLength(1);
    expect(await imp('renderer/src/features/assignments/Probe.tsx', '../clients/ClientPage')).toHaveLength(1);
    expect(await imp('renderer/src/features/library/designer/Probe.tsx', '../../clients/ClientPage')).toHaveLength(1);
    expect(await imp('renderer/src/features/home/Probe.tsx', '../../features/assignments/present')).toHaveLength(1);
    // Within a feature, and from the shared folders: allowed. The app joins features.
    expect(await imp('renderer/src/features/library/designer/Probe.tsx', '../format')).toHaveLength(0);
    expect(await imp('renderer/src/features/clients/Probe.tsx', '../../api/assignments')).toHaveLength(0);
    expect(await imp('renderer/src/features/clients/Probe.tsx', '../../components/AssignmentState')).toHaveLength(0);
    expect(await imp('renderer/src/app/Probe.tsx', '../features/assignments/routes')).toHaveLength(0);
  });

  it('query keys come from the factory: a literal array as a key fails', async () => {
    const code = (body: string) =>
      `import { useQuery, useQueryClient } from '@tanstack/react-query';\nexport function P() {\n  const qc = useQueryClient();\n${body}\n}\n`;
    const syntax = (file: string, body: string) => messages(file, code(body), 'no-restricted-syntax');
    const file = 'renderer/src/features/home/Probe.tsx';
    expect(await syntax(file, "  return useQuery({ queryKey: ['assignments', 'attention'], queryFn: () => 1 });")).toHaveLength(
      1,
    );
    expect(await syntax(file, "  return qc.invalidateQueries({ queryKey: ['clients'] });")).toHaveLength(1);
    expect(await syntax(file, "  return qc.setQueryData(['settings'], 1);")).toHaveLength(1);
    expect(
      await syntax(file, '  return useQuery({ queryKey: queryKeys.assignments.attention(), queryFn: () => 1 });'),
    ).toHaveLength(0);
    expect(await syntax('renderer/src/api/keys.ts', "  return useQuery({ queryKey: ['x'], queryFn: () => 1 });")).toHaveLength(0);
  });
});
