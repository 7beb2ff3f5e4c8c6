import type { Page } from '@playwright/test';
import type { Role } from '../../src/shared/auth/roles';
import { expect } from './fixtures';

/** An account the tests add besides the administrator the fixture makes. */
export interface Account {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: Role;
}

export const CHAIRMAN: Account = {
  username: 'chutich',
  displayName: 'Hoàng Văn Chủ',
  password: 'mat-khau-chu-tich',
  role: 'chairman',
};

export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; error: { type: string; message: string } };

/** Calls the web host's API directly, as whoever is signed in (the session is the host's, as the page's). */
export async function api<T = unknown>(appUrl: string, channel: string, request: unknown): Promise<ApiAnswer<T>> {
  const token = /#token=(\S+)/.exec(appUrl)![1]!;
  const response = await fetch(new URL(`/api/${channel}`, appUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Doichieu-Token': token },
    body: JSON.stringify(request),
  });
  return (await response.json()) as ApiAnswer<T>;
}

/** Adds an account through the API (the administrator must be signed in). */
export async function addAccount(appUrl: string, account: Account): Promise<void> {
  const { username, displayName, role, password } = account;
  const added = await api(appUrl, 'users-add', { username, displayName, role, password });
  if (!added.ok) throw new Error(`account not added: ${JSON.stringify(added)}`);
}

/** Signs out in the page and signs in as `account`. */
export async function signInAs(page: Page, account: Pick<Account, 'username' | 'password' | 'displayName'>): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  const signIn = page.getByTestId('sign-in');
  await signIn.getByLabel('Tên đăng nhập').fill(account.username);
  await signIn.getByLabel('Mật khẩu').fill(account.password);
  await signIn.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('signed-in')).toContainText(account.displayName);
}
