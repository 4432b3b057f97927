import { DEFAULT_RECEIPT_CUTOFF, type TimeLimit } from '#domain/calendar/types.ts';
import {
  CENTRE,
  COMMUNES,
  COMMUNES_ESTABLISHED_ON,
  DEPARTMENTS,
  DISTRICTS_ABOLISHED_ON,
  EMAIL_DOMAIN,
  FORMER_DISTRICTS,
  PROVINCE,
  PROVINCE_NAME,
  PROVINCE_SUFFIX,
  SECTORS,
  type ProcedureSpec,
} from './demo-catalog-data.ts';
import {
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES,
} from './demo-names.ts';
import type {
  DemoAgency,
  DemoCatalog,
  DemoCounter,
  DemoDesk,
  DemoOfficial,
  DemoProcedure,
  OfficialRole,
  OnlineLevel,
  ResultType,
} from './demo-types.ts';
import { createSampler, type Random } from './random.ts';

const LIMIT_SPEC = /^(\d+)([dch])$/;

/** '10d' → 10 working days, '30c' → 30 calendar days, '4h' → 4 hours. */
export function parseLimitSpec(spec: string): TimeLimit {
  const match = LIMIT_SPEC.exec(spec);
  if (!match) throw new RangeError(`bad time-limit spec '${spec}'`);
  const unit = match[2] === 'd' ? 'working_days' : match[2] === 'c' ? 'calendar_days' : 'hours';
  return { value: Number(match[1]), unit };
}

/** ASCII form of a Vietnamese name for e-mail addresses ("Nguyễn Văn Đạt" → "nguyen van dat"). */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** "UBND xã An Phú" from "Xã An Phú". */
function committeeName(unitName: string): string {
  return `UBND ${unitName.charAt(0).toLowerCase()}${unitName.slice(1)}`;
}

function isoDateBetween(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

class OfficialFactory {
  private serial = 0;
  private readonly emails = new Set<string>();
  private readonly familySampler = createSampler(FAMILY_NAMES.map(([, weight]) => weight));
  readonly officials: DemoOfficial[] = [];

  constructor(private readonly random: Random) {}

  add(
    agencyId: string,
    emailTag: string,
    roles: OfficialRole[],
    activeFrom: string,
    activeTo: string | null = null,
  ): void {
    const r = this.random;
    const female = r.chance(0.55);
    const family = FAMILY_NAMES[this.familySampler.sample(r)]![0];
    const middle = r.pick(female ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES);
    const given = r.pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
    const fullName = `${family} ${middle} ${given}`;
    // Vietnamese public-sector mailboxes: given name + initials of family and middle name.
    const local = `${asciiFold(given)}${asciiFold(family).charAt(0)}${asciiFold(middle).charAt(0)}.${emailTag}`;
    let email = `${local}@${EMAIL_DOMAIN}`;
    for (let n = 2; this.emails.has(email); n += 1) email = `${local}${n}@${EMAIL_DOMAIN}`;
    this.emails.add(email);
    this.serial += 1;
    this.officials.push({
      id: r.uuid(),
      agencyId,
      code: `${PROVINCE_SUFFIX}-CB${String(this.serial).padStart(4, '0')}`,
      fullName,
      roles,
      activeFrom,
      activeTo,
      email,
    });
  }
}

function onlineLevelOf(random: Random, spec: ProcedureSpec): OnlineLevel {
  return spec[3] ?? (random.chance(0.55) ? 'none' : 'partial');
}

function resultTypeOf(random: Random, name: string, online: OnlineLevel): ResultType {
  // A notice only informs the authority: nothing is handed back.
  if (name.startsWith('Thông báo tổ chức') || name.startsWith('Đề nghị tổ chức')) return 'none';
  if (online === 'full') return random.chance(0.6) ? 'paper_and_electronic' : 'electronic';
  if (online === 'partial') return random.chance(0.5) ? 'paper_and_electronic' : 'paper';
  return 'paper';
}

/**
 * The fictional province's catalog: the province, its departments, the public-service centre,
 * the communes since 1 July 2025 and two former districts (valid until 30 June 2025) with their
 * former communes; desks and counters; officials with realistic names; the procedures.
 */
export function generateDemoCatalog(random: Random): DemoCatalog {
  const agencies: DemoAgency[] = [];
  const addAgency = (agency: Omit<DemoAgency, 'id'>): DemoAgency => {
    const row = { id: random.uuid(), ...agency };
    agencies.push(row);
    return row;
  };
  const province = addAgency({
    ...PROVINCE,
    level: 'province',
    parentId: null,
    validFrom: null,
    validTo: null,
  });
  const departments = DEPARTMENTS.map((department, index) => ({
    key: department.key,
    agency: addAgency({
      code: `000.00.${String(index + 1).padStart(2, '0')}.${PROVINCE_SUFFIX}`,
      name: department.name,
      level: 'department',
      parentId: province.id,
      validFrom: null,
      validTo: null,
    }),
    weight: department.weight,
  }));
  const centre = addAgency({
    code: CENTRE.code,
    name: CENTRE.name,
    level: 'unit',
    parentId: province.id,
    validFrom: '2019-01-01',
    validTo: null,
  });
  const communes = COMMUNES.map((name, index) =>
    addAgency({
      code: `000.${String(index + 1).padStart(2, '0')}.41.${PROVINCE_SUFFIX}`,
      name: committeeName(name),
      level: 'commune',
      parentId: province.id,
      validFrom: COMMUNES_ESTABLISHED_ON,
      validTo: null,
    }),
  );
  const districts = FORMER_DISTRICTS.map((district, index) => {
    const districtCode = String(31 + index);
    const agency = addAgency({
      code: `000.00.${districtCode}.${PROVINCE_SUFFIX}`,
      name: district.name,
      level: 'district',
      parentId: province.id,
      validFrom: null,
      validTo: DISTRICTS_ABOLISHED_ON,
    });
    district.communes.forEach((name, communeIndex) =>
      addAgency({
        code: `000.${String(communeIndex + 1).padStart(2, '0')}.${districtCode}.${PROVINCE_SUFFIX}`,
        name,
        level: 'commune',
        parentId: agency.id,
        validFrom: null,
        validTo: DISTRICTS_ABOLISHED_ON,
      }),
    );
    return agency;
  });

  const desks: DemoDesk[] = [];
  const counters: DemoCounter[] = [];
  const centreDesk: DemoDesk = {
    id: random.uuid(),
    agencyId: centre.id,
    code: 'TTPVHCC',
    name: CENTRE.name,
    kind: 'centre',
    address: CENTRE.address,
  };
  desks.push(centreDesk);
  counters.push({ id: random.uuid(), deskId: centreDesk.id, code: 'Q00', name: 'Quầy hướng dẫn, hỗ trợ' });
  departments.forEach(({ agency }, index) =>
    counters.push({
      id: random.uuid(),
      deskId: centreDesk.id,
      code: `Q${String(index + 1).padStart(2, '0')}`,
      name: `Quầy ${agency.name}`,
    }),
  );
  communes.forEach((agency) => {
    const desk: DemoDesk = {
      id: random.uuid(),
      agencyId: agency.id,
      code: 'BPMC',
      name: `Bộ phận Một cửa ${agency.name}`,
      kind: 'desk',
      address: `Trụ sở ${agency.name}, ${PROVINCE_NAME}`,
    };
    desks.push(desk);
    for (let n = 1; n <= 2; n += 1) {
      counters.push({ id: random.uuid(), deskId: desk.id, code: `Q0${n}`, name: `Quầy số ${n}` });
    }
  });

  const people = new OfficialFactory(random);
  const since = (): string => isoDateBetween(random, 2008, 2024);
  people.add(province.id, 'ubnd', ['leader'], since());
  people.add(province.id, 'vpubnd', ['focal', 'handling'], since());
  people.add(province.id, 'vpubnd', ['handling'], since());
  people.add(province.id, 'vpubnd', ['handling'], since());
  people.add(centre.id, 'ttpvhcc', ['leader'], since());
  people.add(centre.id, 'ttpvhcc', ['focal'], since());
  people.add(centre.id, 'ttpvhcc', ['counter'], since());
  for (const { key, agency, weight } of departments) {
    const tag = key.toLowerCase();
    const busy = weight >= 1.2;
    // Counter officials are seconded to the centre but stay on their department's staff.
    for (let n = 0; n < (busy ? 3 : 2); n += 1) people.add(agency.id, tag, ['counter'], since());
    for (let n = 0; n < (busy ? 4 : 3); n += 1) people.add(agency.id, tag, ['handling'], since());
    people.add(agency.id, tag, ['handling', 'focal'], since());
    people.add(agency.id, tag, ['leader'], since());
  }
  communes.forEach((agency, index) => {
    const tag = asciiFold(COMMUNES[index]!).replace(/[^a-z]/g, '');
    people.add(agency.id, tag, ['counter'], COMMUNES_ESTABLISHED_ON);
    people.add(agency.id, tag, ['counter'], COMMUNES_ESTABLISHED_ON);
    people.add(agency.id, tag, ['handling'], COMMUNES_ESTABLISHED_ON);
    people.add(agency.id, tag, ['handling'], COMMUNES_ESTABLISHED_ON);
    people.add(agency.id, tag, ['handling', 'focal'], COMMUNES_ESTABLISHED_ON);
    people.add(agency.id, tag, ['leader'], COMMUNES_ESTABLISHED_ON);
  });
  districts.forEach((agency, index) => {
    const tag = `huyen${index + 1}`;
    people.add(agency.id, tag, ['counter'], isoDateBetween(random, 2010, 2020), DISTRICTS_ABOLISHED_ON);
    people.add(agency.id, tag, ['handling'], isoDateBetween(random, 2010, 2020), DISTRICTS_ABOLISHED_ON);
    people.add(agency.id, tag, ['leader'], isoDateBetween(random, 2010, 2020), DISTRICTS_ABOLISHED_ON);
  });

  const departmentIds = new Map(departments.map(({ key, agency }) => [key, agency.id]));
  const communeIds = communes.map((agency) => agency.id);
  const procedures: DemoProcedure[] = [];
  let provinceSerial = 0;
  let communeSerial = 0;
  for (const sector of SECTORS) {
    for (const spec of sector.procedures) {
      const [name, limitSpec, feeVnd] = spec;
      const limit = parseLimitSpec(limitSpec);
      const onlineLevel = onlineLevelOf(random, spec);
      const short = limit.unit === 'hours' || (limit.unit === 'working_days' && limit.value <= 3);
      const handledBy = sector.handledBy;
      const commune = handledBy === 'commune';
      // Codes look like those of the national procedure database (1.00xxxx provincial, 2.00xxxx commune).
      const code = commune
        ? `2.00${String(1000 + ++communeSerial)}`
        : `1.00${String(1000 + ++provinceSerial)}`;
      procedures.push({
        id: random.uuid(),
        code,
        name,
        sector: sector.sector,
        limit,
        feeVnd,
        onlineLevel,
        resultType: resultTypeOf(random, name, onlineLevel),
        // Quick procedures are the ones a desk can receive, decide and return by itself.
        isFourStep: random.chance(short ? 0.6 : 0.08),
        receiptCutoff: DEFAULT_RECEIPT_CUTOFF,
        handlerIds: handledBy === 'commune' ? communeIds : [departmentIds.get(handledBy)!],
      });
    }
  }

  return { agencies, desks, counters, officials: people.officials, procedures };
}
