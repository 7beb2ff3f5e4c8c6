import { lazy } from 'react';
import type { ScannerStatus } from '../../shared/api-contract';
import { assertNever } from '../../shared/result';

export const PAGES = ['lookup', 'lists', 'residents', 'vaccination', 'packages', 'devices', 'settings', 'help'] as const;
export type Page = (typeof PAGES)[number];

// Each page is its own chunk, loaded the first time it opens, so the sign-in screen and the shell start small.
const LookupPage = lazy(() => import('./LookupPage').then((m) => ({ default: m.LookupPage })));
const ListsPage = lazy(() => import('./lists/ListsPage').then((m) => ({ default: m.ListsPage })));
const ResidentsPage = lazy(() => import('./ResidentsPage').then((m) => ({ default: m.ResidentsPage })));
const VaccinationPage = lazy(() => import('./vaccination/VaccinationPage').then((m) => ({ default: m.VaccinationPage })));
const PackagesPage = lazy(() => import('./PackagesPage').then((m) => ({ default: m.PackagesPage })));
const DevicesPage = lazy(() => import('./DevicesPage').then((m) => ({ default: m.DevicesPage })));
const SettingsPage = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));
const HelpPage = lazy(() => import('./help/HelpPage').then((m) => ({ default: m.HelpPage })));

/** The open page (loaded on demand: wrap in Suspense). */
export function PageView({
  page,
  scannerStatus,
  isAdmin,
}: {
  page: Page;
  scannerStatus: ScannerStatus | null;
  isAdmin: boolean;
}) {
  switch (page) {
    case 'lookup':
      return <LookupPage scannerStatus={scannerStatus} />;
    case 'lists':
      return <ListsPage />;
    case 'residents':
      return <ResidentsPage />;
    case 'vaccination':
      return <VaccinationPage />;
    case 'packages':
      return <PackagesPage />;
    case 'devices':
      return <DevicesPage scannerStatus={scannerStatus} />;
    case 'settings':
      return <SettingsPage isAdmin={isAdmin} />;
    case 'help':
      return <HelpPage />;
    default:
      return assertNever(page);
  }
}
