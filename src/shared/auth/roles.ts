/**
 * Who may do what (issue 8). Main checks the signed-in user's role on every API call (each channel's
 * record in `src/shared/api/` names its roles); the UI only hides what a role cannot do. The
 * administrator may do everything.
 */
export const ROLES = ['police', 'health', 'chairman', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const EVERYONE: readonly Role[] = ROLES;
export const POLICE: readonly Role[] = ['police', 'admin'];
export const LISTS: readonly Role[] = ['police', 'health', 'admin'];
export const APPROVER: readonly Role[] = ['chairman', 'admin'];
export const ADMIN: readonly Role[] = ['admin'];
/** Signing a printed version and confirming results: the chairman (approver) in person, never someone on their behalf. */
export const SIGNER = { only: ['chairman'] } as const satisfies { readonly only: readonly Role[] };
