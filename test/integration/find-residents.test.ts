import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { findResidents } from '../../src/main/registry/find-residents';
import { importExtractFile } from '../../src/main/registry/import-extract';
import { tempDatabase } from '../helpers/db';
import { PEOPLE, csvText, utf8Bom } from '../helpers/extract-files';

let db: Db;
let cleanup: () => void;

beforeEach(async () => {
  ({ db, cleanup } = tempDatabase());
  const more = [
    ['4', '008190004444', '', 'Ma Văn Tường', '01/02/1985', 'Nam', 'Tày', 'Việt Nam', 'Thôn Ba 2'],
    ['5', '008190005555', '', 'Nguyễn Văn Tương', '01/02/1990', 'Nam', 'Kinh', 'Việt Nam', 'Thôn Ba 2'],
  ];
  const outcome = await importExtractFile(db, utf8Bom(csvText([...PEOPLE, ...more])), 'x.csv', {
    skipInvalid: false,
    locale: 'vi',
    now: new Date(),
  });
  if (!outcome.ok) throw new Error(outcome.problem.key);
});
afterEach(() => cleanup());

const ids = (text: string, birthYear?: number) => findResidents(db, { text, birthYear }).map((r) => r.personalId);

describe('registry find', () => {
  it('finds by 12-digit ID, with or without the zeros and separators', () => {
    expect(ids('008090012345')).toEqual(['008090012345']);
    expect(ids('8090012345')).toEqual(['008090012345']);
    expect(ids('008 090 012 345')).toEqual(['008090012345']);
  });
  it('finds by old CMND number', () => {
    expect(ids('070123456')).toEqual(['008090012345']);
  });
  it('finds a name typed without diacritics, Đ typed as D', () => {
    expect(ids('dang dinh duc')).toEqual(['008156001122']);
    expect(ids('DANG DINH DUC')).toEqual(['008156001122']);
    expect(ids('Đặng Đình Đức')).toEqual(['008156001122']);
  });
  it('finds by the given name alone, or middle and given name', () => {
    expect(ids('huong').sort()).toEqual(['008195004321']);
    expect(ids('van tuong').sort()).toEqual(['008090012345', '008190004444', '008190005555']);
  });
  it('lists the exact spelling with diacritics first', () => {
    expect(ids('Nguyễn Văn Tương')[0]).toBe('008190005555');
    expect(ids('Văn Tường').slice(0, 2).sort()).toEqual(['008090012345', '008190004444']);
  });
  it('narrows by birth year', () => {
    expect(ids('ma van tuong', 1985)).toEqual(['008190004444']);
    expect(ids('ma van tuong', 1990)).toEqual(['008090012345']);
    expect(ids('008090012345', 1985)).toEqual([]);
  });
  it('finds nothing for an empty query or an unknown name', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('Hoàng Văn Không')).toEqual([]);
  });
});
