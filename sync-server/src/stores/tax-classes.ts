import { fieldsOf, SyncError, taxRateProblem, unknownFields, type Store, type TaxClass } from '../../../shared/src/index.js';
import { recordAudit, type AuditActor } from '../accounts/audit.js';
import type { Repository } from '../repository.js';

const CODE = /^[a-z0-9-]{1,32}$/;

/**
 * A store's tax classes, edited at head office: a class is added with its rate, and a new rate is
 * dated from a day on (a rate change announced for the new year). Tills apply a dated rate by their
 * own clocks, offline too; the server judges a sale by the rate in force when it was made. Products
 * name a class by its code, the same in every store.
 */
export class TaxClasses {
  constructor(private readonly repository: Repository) {}

  async list(storeId: string): Promise<TaxClass[]> {
    return (await this.repository.listDocuments<TaxClass>('taxClasses', storeId)).filter((taxClass) => taxClass.storeId === storeId).sort((a, b) => a.code.localeCompare(b.code));
  }

  async create(input: unknown, actor: AuditActor | undefined): Promise<TaxClass> {
    const fields = fieldsOf(input);
    const problems = unknownFields(fields, ['storeId', 'code', 'name', 'ratePercent']);
    const code = typeof fields.code === 'string' ? fields.code.trim() : '';
    if (!CODE.test(code)) problems.push('code: 1 to 32 lower-case letters, digits or dashes, such as "standard" (products name their class by it)');
    const name = typeof fields.name === 'string' ? fields.name.trim() : '';
    if (!name || name.length > 100) problems.push('name: 1 to 100 characters');
    const rateProblem = taxRateProblem(fields.ratePercent);
    if (rateProblem) problems.push(rateProblem);
    return this.repository.write(async (writer) => {
      const storeId = typeof fields.storeId === 'string' ? fields.storeId : '';
      if (!(await writer.get<Store>('stores', storeId))) problems.push(`storeId: no store "${storeId}"`);
      const id = `${storeId}:${code}`;
      if (code && (await writer.get<TaxClass>('taxClasses', id))) problems.push(`code: the store has a tax class "${code}" already`);
      if (problems.length > 0) throw new SyncError('invalid_document', 'the tax class was not added', 422, [{ problems }]);
      const taxClass: TaxClass = { id, storeId, code, name, ratePercent: fields.ratePercent as string };
      await writer.put('taxClasses', taxClass, storeId);
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'taxClass.create', kind: 'taxClass', subjectId: id, storeId, before: null, after: taxClass });
      return taxClass;
    }, 1);
  }

  /**
   * Renames a class: what receipts and reports call it. Its code stays, since products name their
   * class by it, and sales already made keep the rate they were taxed at.
   */
  async rename(id: string, input: unknown, actor: AuditActor | undefined): Promise<TaxClass> {
    const fields = fieldsOf(input);
    const problems = unknownFields(fields, ['name']);
    const name = typeof fields.name === 'string' ? fields.name.trim() : '';
    if (!name || name.length > 100) problems.push('name: 1 to 100 characters');
    return this.repository.write(async (writer) => {
      const taxClass = await writer.get<TaxClass>('taxClasses', id);
      if (!taxClass) throw new SyncError('not_found', `no tax class "${id}"`, 404);
      if (problems.length > 0) throw new SyncError('invalid_document', 'the tax class was not renamed', 422, [{ id, problems }]);
      if (taxClass.name === name) return taxClass;
      const renamed: TaxClass = { ...taxClass, name };
      await writer.put('taxClasses', renamed, taxClass.storeId);
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'taxClass.rename', kind: 'taxClass', subjectId: id, storeId: taxClass.storeId, before: taxClass, after: renamed });
      return renamed;
    }, 1);
  }

  /** Dates a new rate for a class: from `from` on (now or later) it taxes at `ratePercent`. */
  async changeRate(id: string, input: unknown, actor: AuditActor | undefined): Promise<TaxClass> {
    const fields = fieldsOf(input);
    const problems = unknownFields(fields, ['from', 'ratePercent']);
    const from = typeof fields.from === 'string' ? new Date(fields.from) : undefined;
    if (!from || Number.isNaN(from.getTime())) problems.push('from: a date and time, such as 2027-01-01T00:00:00+01:00');
    const rateProblem = taxRateProblem(fields.ratePercent);
    if (rateProblem) problems.push(rateProblem);
    return this.repository.write(async (writer) => {
      const taxClass = await writer.get<TaxClass>('taxClasses', id);
      if (!taxClass) throw new SyncError('not_found', `no tax class "${id}"`, 404);
      if ((taxClass.rates?.length ?? 0) >= 100) problems.push('from: this class keeps 100 dated rates, the most it may');
      if (problems.length > 0) throw new SyncError('invalid_document', 'the rate was not changed', 422, [{ id, problems }]);
      const rates = [...(taxClass.rates ?? []), { from: from!.toISOString(), ratePercent: fields.ratePercent as string }].sort((a, b) => a.from.localeCompare(b.from));
      const changed: TaxClass = { ...taxClass, rates };
      await writer.put('taxClasses', changed, taxClass.storeId);
      await recordAudit(writer.tx, actor, this.repository.now().toISOString(), { action: 'taxClass.rate', kind: 'taxClass', subjectId: id, storeId: taxClass.storeId, before: taxClass, after: changed });
      return changed;
    }, 1);
  }
}
