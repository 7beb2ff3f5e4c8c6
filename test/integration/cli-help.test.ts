import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/main/cli/commands';
import { cli, cliWithEnv } from '../helpers/cli';
import { PROJECT_ROOT } from '../helpers/paths';

const NAMES = COMMANDS.map((c) => c.name);

describe('doichieu --help', () => {
  it('lists every command of DESIGN.md §5 that exists, one line each', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    for (const name of [
      'qr parse',
      'id check',
      'mrz parse',
      'registry import',
      'registry find',
      'list import',
      'list check',
      'list export',
      'list confirm',
      'doc verify',
      'package export',
      'package verify',
      'package ack',
      'audit verify',
      'scanner replay',
    ]) {
      expect(NAMES).toContain(name);
    }
    const lines = help.stdout.split('\n');
    for (const command of COMMANDS) {
      expect(lines.filter((l) => l.startsWith(`  ${command.name} `))).toHaveLength(1);
    }
    expect(help.stdout).toContain('Cách dùng: doichieu <lệnh> [--db TỆP] [--json]');
    expect(help.stdout).toContain('  list export      Xuất kết quả đối chiếu ra .xlsx và .pdf');
  });

  it('is in English with DOICHIEU_LANG=en', async () => {
    const help = await cliWithEnv({ DOICHIEU_LANG: 'en' }, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('  list check       Check a list against the population data');
    const usage = await cliWithEnv({ DOICHIEU_LANG: 'en' }, 'list', 'check');
    expect(usage).toMatchObject({
      code: 2,
      stderr: '<list number> is missing.\nUsage: doichieu <command> [--db FILE] [--json]\n',
    });
  });

  it('lists the commands of one group', async () => {
    const help = await cli('package', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout.split('\n').filter((l) => l.startsWith('  package '))).toHaveLength(4);
  });

  it('works as `npm run -s cli -- --help`', () => {
    const run = spawnSync('npm', ['run', '-s', 'cli', '--', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const name of NAMES) expect(run.stdout).toContain(`  ${name} `);
  });
});

describe('doichieu <command> --help', () => {
  it.each(NAMES)('%s shows its options and an example', async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    const help = await cli(...name.split(' '), '--help');
    expect(help.code).toBe(0);
    expect(help.stdout.startsWith(`doichieu ${name}`)).toBe(true);
    expect(help.stdout).toContain('Tùy chọn:');
    for (const option of [...Object.keys(command.options), 'db', 'json']) expect(help.stdout).toContain(`  --${option}`);
    expect(help.stdout).toContain(`Ví dụ:\n  doichieu ${name} `);
  });

  it('shows list export in full', async () => {
    expect((await cli('list', 'export', '--help')).stdout).toMatchInlineSnapshot(`
      "doichieu list export <số danh sách> [--xlsx TỆP] [--pdf TỆP] [--by TÊN] [--partial] [--signer TÊN]
      Xuất kết quả đối chiếu ra .xlsx và .pdf (văn bản có số)

      Tùy chọn:
        --xlsx TỆP    Ghi kết quả .xlsx vào tệp này
        --pdf TỆP     Ghi văn bản .pdf vào tệp này
        --by TÊN      Người lập biểu, in trên văn bản và ghi vào nhật ký
        --partial     Trả kết quả dù còn dòng cần xử lý: các dòng đó ghi "Đang xác minh"
        --signer TÊN  Họ tên người ký văn bản (lưu vào thông tin văn bản; cần khi chưa có)
        --db TỆP      Tệp cơ sở dữ liệu (hoặc biến môi trường DOICHIEU_DB)
        --json        In kết quả thành đúng một tài liệu JSON
        --check       Kiểm tra cả tệp cơ sở dữ liệu trước khi chạy lệnh; tệp hỏng thì báo và thoát với mã 1
        --help        Xem hướng dẫn của lệnh

      Ví dụ:
        doichieu list export 1 --xlsx ket-qua.xlsx --pdf ket-qua.pdf --by "Hoàng Thị Xuân" --db xa.sqlite
      "
    `);
  });
});

describe('wrong usage exits 2', () => {
  it.each(NAMES)('%s with an option it does not take', async (name) => {
    const result = await cli(...name.split(' '), 'x', '--bogus', '--db', 'unused.sqlite');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('Tùy chọn không hợp lệ: --bogus.\nCách dùng: doichieu <lệnh> [--db TỆP] [--json]\n');
  });

  it('for a switch given a value, and an option without its value', async () => {
    expect((await cli('qr', 'parse', 'x', '--json=yes')).stderr).toMatch(/^Tùy chọn không hợp lệ: --json=yes\./);
    const missing = await cli('registry', 'find', 'x', '--birth-year');
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Thiếu --birth-year\./) });
  });

  it('for a command that does not exist', async () => {
    expect(await cli('list', 'frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Lệnh không hợp lệ: "list frobnicate"\./),
    });
    expect(await cli('frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Lệnh không hợp lệ: "frobnicate"\./),
    });
    expect((await cli('frobnicate', '--help')).code).toBe(2);
  });
});
