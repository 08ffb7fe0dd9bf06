import { useEffect, useState } from 'react';
import { getApi } from '../../app/api';
import { urgent } from './secret-words';

/** How many secrets expire within 30 days or have expired, for the navigation's badge (0 while unknown). */
export function useUrgentSecretCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void getApi()
      .call('secrets.list', {})
      .then((r) => {
        if (live && r.ok) setCount(urgent(r.value).length);
      });
    return () => {
      live = false;
    };
  }, []);
  return count;
}
