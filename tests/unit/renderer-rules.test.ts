import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The renderer's own rules (eslint): features stay apart, and query keys come from one factory. */
const eslint = new ESLint({ cwd: process.cwd() });

async function messages(filePath: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('renderer rules', () => {
  it("a feature imports no other feature's files, only its index.ts; clients and assignments not even that", async () => {
    const imp = (file: string, from: string) =>
      messages(file, `import { x } from '${from}';\nexport const y = x;\n`, 'no-restricted-imports');
    const blocked = async (file: string, from: string) => (await imp(file, from)).length > 0;
    expect(await blocked('renderer/src/features/clients/Probe.tsx', '../assignments/present')).toBe(true);
    expect(await blocked('renderer/src/features/assignments/Probe.tsx', '../clients/ClientPage')).toBe(true);
    expect(await blocked('renderer/src/features/library/designer/Probe.tsx', '../../clients/ClientPage')).toBe(true);
    expect(await blocked('renderer/src/features/home/Probe.tsx', '../../features/assignments/present')).toBe(true);
    expect(await blocked('renderer/src/features/settings/Probe.tsx', '../vault/NewPassphrase')).toBe(true);
    expect(await blocked('renderer/src/features/settings/Probe.tsx', '../vault')).toBe(false);
    expect(await blocked('renderer/src/features/clients/Probe.tsx', '../assignments')).toBe(true);
    expect(await blocked('renderer/src/features/assignments/Probe.tsx', '../clients')).toBe(true);
    // Within a feature, and from the shared folders: allowed. The app joins features.
    expect(await blocked('renderer/src/features/library/designer/Probe.tsx', '../format')).toBe(false);
    expect(await blocked('renderer/src/features/clients/Probe.tsx', '../../api/assignments')).toBe(false);
    expect(await blocked('renderer/src/features/clients/Probe.tsx', '../../components/AssignmentState')).toBe(false);
    expect(await blocked('renderer/src/app/Probe.tsx', '../features/assignments/routes')).toBe(false);
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
    expect(await syntax(file, '  return useQuery({ queryKey: queryKeys.today.overview(), queryFn: () => 1 });')).toHaveLength(0);
    expect(await syntax('renderer/src/api/keys.ts', "  return useQuery({ queryKey: ['x'], queryFn: () => 1 });")).toHaveLength(0);
  });
});
