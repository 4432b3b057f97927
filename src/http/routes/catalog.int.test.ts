import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from '#test/support/http.ts';

interface AgencyNode {
  code: string;
  children: AgencyNode[];
}

describe('catalog API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ catalog: false });
  });
  afterAll(async () => {
    await t.close();
  });
  const post = (url: string, payload: unknown, contentType = 'application/json') =>
    t.inject({
      method: 'POST',
      url,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': contentType },
    });

  it('imports an agency tree of any depth from CSV, parents after children, and nests it', async () => {
    const csv = [
      'code,name,level,parentCode,validFrom,validTo',
      'X01.C01,UBND xã Bình Minh,commune,X01.D01,,2025-06-30',
      'X01,UBND tỉnh Mẫu,province,,,',
      'X01.D01,UBND huyện Cũ,district,X01,2010-01-01,2025-06-30',
      'X01.S01,Sở Tư pháp,department,X01,,',
      'X01.C02,UBND xã Hòa Bình,commune,X01,2025-07-01,',
    ].join('\n');
    const response = await post('/api/v1/catalog/agencies/import', csv, 'text/csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ kind: 'agencies', rows: 5, created: 5, updated: 0 });
    const tree = (await t.inject({ method: 'GET', url: '/api/v1/agencies?tree=true' })).json<AgencyNode[]>();
    expect(tree.map((node) => node.code)).toEqual(['X01']);
    const district = tree[0]!.children.find((node) => node.code === 'X01.D01');
    expect(district?.children.map((node) => node.code)).toEqual(['X01.C01']);
  });

  it('re-running the same import changes nothing (upsert by code)', async () => {
    const json = [{ code: 'X01.S01', name: 'Sở Tư pháp', level: 'department', parentCode: 'X01' }];
    const response = await post('/api/v1/catalog/agencies/import', json);
    expect(response.json()).toEqual({ kind: 'agencies', rows: 1, created: 0, updated: 1 });
  });

  it('refuses a file with bad rows whole, naming every bad row and field, and writes nothing', async () => {
    const before = await countRows(t.deps, ['agency', 'procedure']);
    const rows = [
      { code: 'P1', name: 'Thủ tục A', sector: 'Tư pháp', timeLimitValue: 5, timeLimitUnit: 'working_days' },
      { code: 'P2', name: 'Thủ tục B', sector: 'Tư pháp', timeLimitValue: -1, timeLimitUnit: 'working_days' },
      { code: 'P3', name: '', sector: 'Tư pháp', timeLimitValue: 5, timeLimitUnit: 'fortnights' },
      { code: 'P1', name: 'Trùng mã', sector: 'Tư pháp', timeLimitValue: 5, timeLimitUnit: 'working_days' },
    ];
    const response = await post('/api/v1/catalog/procedures/import', rows);
    expect(response.statusCode).toBe(400);
    const problems = response.json<{ error: { code: string; problems: { field: string }[] } }>().error;
    expect(problems.code).toBe('VALIDATION_FAILED');
    const fields = problems.problems.map((problem) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining(['row 2.timeLimitValue', 'row 3.name', 'row 3.timeLimitUnit', 'row 4.code']),
    );
    expect(await countRows(t.deps, ['agency', 'procedure'])).toEqual(before);
    const cycle = await post('/api/v1/catalog/agencies/import', [
      { code: 'Y1', name: 'A', level: 'unit', parentCode: 'Y2' },
      { code: 'Y2', name: 'B', level: 'unit', parentCode: 'Y1' },
    ]);
    expect(cycle.statusCode).toBe(400);
    const unknownParent = await post('/api/v1/catalog/agencies/import', [
      { code: 'Z1', name: 'A', level: 'unit', parentCode: 'NOPE' },
    ]);
    expect(unknownParent.json()).toMatchObject({
      error: { code: 'AGENCY_NOT_FOUND', problems: [{ field: 'row 1.parentCode' }] },
    });
    expect(await countRows(t.deps, ['agency', 'procedure'])).toEqual(before);
  });

  it('creates procedures with time limits in working days, calendar days or hours, and the 15:00 default cut-off', async () => {
    const created = await post('/api/v1/procedures', {
      code: 'P.H',
      name: 'Chứng thực',
      sector: 'Chứng thực',
      timeLimitValue: 4,
      timeLimitUnit: 'hours',
    });
    expect(created.statusCode).toBe(201);
    const again = await post('/api/v1/procedures', {
      code: 'P.H',
      name: 'Chứng thực',
      sector: 'Chứng thực',
      timeLimitValue: 4,
      timeLimitUnit: 'hours',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'PROCEDURE_CODE_TAKEN' } });
    const list = (await t.inject({ method: 'GET', url: '/api/v1/procedures' })).json<
      { code: string; receiptCutoff: string; timeLimit: unknown }[]
    >();
    expect(list.find((p) => p.code === 'P.H')).toMatchObject({
      receiptCutoff: '15:00',
      timeLimit: { value: 4, unit: 'hours' },
    });
  });

  it('creates desks, counters and officials with roles and active dates', async () => {
    expect(
      (
        await post('/api/v1/desks', {
          agencyCode: 'X01',
          code: 'TTHCC',
          name: 'Trung tâm Phục vụ hành chính công',
          kind: 'centre',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await post('/api/v1/counters', { agencyCode: 'X01', deskCode: 'TTHCC', code: 'Q01', name: 'Quầy 1' }))
        .statusCode,
    ).toBe(201);
    const csv =
      'code,fullName,agencyCode,roles,activeFrom,activeTo,email\nCB9,Phạm Thị Dung,X01.S01,counter;focal,2024-01-01,,\n';
    expect((await post('/api/v1/catalog/officials/import', csv, 'text/csv')).statusCode).toBe(200);
    const desks = (await t.inject({ method: 'GET', url: '/api/v1/desks' })).json<
      { code: string; counters: { code: string }[] }[]
    >();
    expect(desks[0]).toMatchObject({ code: 'TTHCC', counters: [{ code: 'Q01' }] });
    const officials = (await t.inject({ method: 'GET', url: '/api/v1/officials' })).json<
      { code: string; roles: string[] }[]
    >();
    expect(officials[0]).toMatchObject({ code: 'CB9', roles: ['counter', 'focal'] });
    const badRole = await post('/api/v1/officials', {
      code: 'CB10',
      fullName: 'X',
      agencyCode: 'X01',
      roles: ['boss'],
      activeFrom: '2024-01-01',
    });
    expect(badRole.statusCode).toBe(400);
    const badDates = await post('/api/v1/officials', {
      code: 'CB10',
      fullName: 'X',
      agencyCode: 'X01',
      activeFrom: '2024-01-01',
      activeTo: '2023-01-01',
    });
    expect(badDates.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', problems: [{ field: 'activeTo' }] },
    });
  });

  it('normalizes NFD text to NFC at the edge', async () => {
    const nfd = 'Sở Y tế'.normalize('NFD');
    await post('/api/v1/agencies', { code: 'X01.S02', name: nfd, level: 'department', parentCode: 'X01' });
    const agencies = (await t.inject({ method: 'GET', url: '/api/v1/agencies' })).json<
      { code: string; name: string }[]
    >();
    expect(agencies.find((agency) => agency.code === 'X01.S02')?.name).toBe('Sở Y tế'.normalize('NFC'));
  });
});
