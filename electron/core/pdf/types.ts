import type { HandoutView } from '../../../shared/domain/handout';
import type { Frequency, Paper, Phase, Prefill, WorksheetDefinition } from '../../../shared/worksheet';

export type { Paper };

export interface PrintOptions {
  paper: Paper;
  /** Text about 1.4× larger, with more writing space. */
  largePrint: boolean;
  /** Adds AcroForm fields so the client can fill the PDF on a computer (single worksheets only). */
  fillable: boolean;
  /** BCP 47 locale for dates and weekdays, e.g. 'en-GB' (the default). */
  locale?: string;
}

/** The non-identifying IDs a fillable PDF carries so that its answers can be imported safely. */
export interface PrintIdentity {
  vaultId: string;
  clientId: string;
  assignmentId: string;
  worksheetVersionId: string;
}

export interface PrintAssignment {
  id: string;
  /** 'YYYY-MM-DD' calendar dates, never shifted by time zone. */
  startDate?: string;
  dueDate?: string;
  frequency?: Frequency;
  step?: { current: number; total: number };
  phase?: Phase;
  goal?: string;
  personalInstructions?: string;
  agreedRationale?: string;
}

/** One worksheet to print for one client. */
export interface PrintJob {
  /** The parsed worksheet definition (the schema's output type). */
  definition: WorksheetDefinition;
  /** Printed as given: the full name or the initials (the caller decides). Never written to metadata. */
  clientLabel: string;
  assignment?: PrintAssignment;
  /** What the assignment fills in ahead: printed as filled in, or as field values when fillable. */
  prefill?: Prefill;
  /** For fillable field names and PDF metadata. */
  identity?: PrintIdentity;
  options: PrintOptions;
  /** Fixed in tests for deterministic output; defaults to now. */
  creationDate?: Date;
}

/** One PDF with a cover page and every active assignment of one client. */
export interface PacketJob {
  clientLabel: string;
  /** Each an assignment of that client; their own clientLabel and options are ignored in favour of the packet's. */
  items: PrintJob[];
  /** Fillable: form fields under a prefix per worksheet, no identity (not for import). */
  options: PrintOptions;
  creationDate?: Date;
  /** 'YYYY-MM-DD': the week the packet is for, shown on the cover. */
  weekOf?: string;
}

/** The format tag stored in fillable PDFs. */
export const FILLABLE_FORMAT = 'stepwise-fillable-1';

/** What a fillable PDF stores about itself (no client data: opaque IDs and a hash). */
export interface FillableIdentity extends PrintIdentity {
  format: typeof FILLABLE_FORMAT;
  /** SHA-256 (hex) of the canonical JSON of the worksheet definition. */
  definitionSha256: string;
}

/** A session handout for the client: built only from the client-safe HandoutView. */
export interface HandoutJob {
  clientLabel: string;
  view: HandoutView;
  options: Omit<PrintOptions, 'fillable'>;
  creationDate?: Date;
}

/** A questionnaire for one client (shared/measures `measureForm`): always carries its identity. */
export interface MeasureJob {
  definition: WorksheetDefinition;
  clientLabel: string;
  /** `assignmentId` and `worksheetVersionId` name the measure (`measure:phq9`), not an assignment. */
  identity: PrintIdentity;
  options: PrintOptions;
  /** 'YYYY-MM-DD' printed on the date line, or blank for the client to write. */
  date?: string;
  creationDate?: Date;
}
