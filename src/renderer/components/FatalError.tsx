import { Result } from 'antd';

/** The whole window when the app cannot start (its state or the sign-in state cannot be read). */
export function FatalError({ message }: { message: string }) {
  return <Result status="error" title={message} />;
}
