import { createContext, useContext } from 'react';
import type { StatusAplikasi } from '../../main/common/api';

export const StatusContext = createContext<{ status: StatusAplikasi; reload: () => void } | null>(null);

export function useStatus() {
  const value = useContext(StatusContext);
  if (!value) throw new Error('StatusContext missing');
  return value;
}
