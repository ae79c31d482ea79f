import type { Assignment, Client, ClientDetail, Goal, WorksheetDetail } from '../../../shared/domain';
import { BUILT_IN_WORKSHEETS } from '../../../shared/library';
import { worksheetDefinitionSchema, type WorksheetDefinition } from '../../../shared/worksheet';

/** Made-up records for component tests, shaped by the contract (the double parses them again). */

let n = 0;
/** A fresh 32-hex-digit id. */
export const newId = (): string => (++n).toString(16).padStart(32, '0');

const AT = '2026-03-02T09:00:00.000Z';

export function aClient(over: Partial<ClientDetail> = {}): ClientDetail {
  return {
    id: newId(),
    name: 'Zoë Martin',
    preferredName: null,
    dateOfBirth: null,
    pronouns: null,
    preferredLanguage: null,
    presentingConcerns: null,
    startDate: '2026-01-05',
    status: 'active',
    createdAt: AT,
    updatedAt: AT,
    goals: [],
    ...over,
  };
}

/** The client as clients.create / clients.update answer (no goals). */
export function asClient(c: ClientDetail): Client {
  const { goals: _goals, ...rest } = c;
  return rest;
}

export function aGoal(clientId: string, over: Partial<Goal> = {}): Goal {
  return {
    id: newId(),
    clientId,
    title: 'Take the bus to work alone',
    description: null,
    status: 'active',
    targetDate: null,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  };
}

export function builtIn(key: string): WorksheetDefinition {
  const b = BUILT_IN_WORKSHEETS.find((w) => w.key === key);
  if (!b) throw new Error(`no built-in worksheet ${key}`);
  return worksheetDefinitionSchema.parse(b.definition);
}

export function aWorksheet(definition: WorksheetDefinition, over: { version?: number; builtIn?: boolean } = {}): WorksheetDetail {
  const id = newId();
  const versionId = newId();
  const version = over.version ?? 1;
  return {
    worksheet: {
      id,
      builtInKey: null,
      builtIn: over.builtIn ?? false,
      title: definition.title,
      summary: definition.summary,
      category: definition.category,
      approach: definition.approach,
      phases: definition.phases,
      version,
      versionId,
      blockCount: definition.blocks.length,
      assignmentCount: 0,
      archived: false,
      derivedFromTitle: null,
      updatedAt: AT,
    },
    version: { id: versionId, worksheetId: id, version, definition, createdAt: AT },
    versions: [{ id: versionId, version, createdAt: AT, assignmentCount: 0 }],
  };
}

export function anAssignment(client: ClientDetail, w: WorksheetDetail, over: Partial<Assignment> = {}): Assignment {
  return {
    id: newId(),
    clientId: client.id,
    worksheetId: w.worksheet.id,
    worksheetVersionId: w.version.id,
    worksheetVersion: w.version.version,
    newerVersionAvailable: false,
    title: w.version.definition.title,
    category: w.version.definition.category,
    goalId: null,
    goalTitle: null,
    personalInstructions: null,
    agreedRationale: w.version.definition.rationale,
    frequency: { kind: 'daily' },
    startDate: '2026-03-02',
    dueDate: null,
    step: null,
    phase: 'skill-practice',
    status: 'active',
    state: 'active',
    followsId: null,
    endedReason: null,
    endedAt: null,
    prefill: null,
    movedAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  };
}
