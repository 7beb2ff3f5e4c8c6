import { Spin } from 'antd';
import { Suspense, lazy } from 'react';

// antd's Result carries large illustrations: loaded only when the app cannot start.
const FatalError = lazy(() => import('./FatalError').then((m) => ({ default: m.FatalError })));

/** The fatal error screen, loaded on demand. */
export function LazyFatalError({ message }: { message: string }) {
  return (
    <Suspense fallback={<Spin style={{ margin: 64 }} />}>
      <FatalError message={message} />
    </Suspense>
  );
}
