import { useEffect, useState } from 'react';
import type { ConsentRunProgress } from '../../../../shared/domain/client-tenants';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';

/** The workspace's latest consent run, kept live by 'consent.progress' events; `history` are past runs. */
export function useConsentRun(workspaceId: string, o: { history?: boolean } = {}) {
  const [run, setRun] = useState<ConsentRunProgress | null | undefined>();
  const [history, setHistory] = useState<ConsentRunProgress[] | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [finishedCount, setFinishedCount] = useState(0);
  const withHistory = o.history === true;

  useEffect(() => {
    let current = true;
    void getApi()
      .call('consent.run', { workspaceId })
      .then((r) => {
        if (!current) return;
        if (r.ok) setRun((live) => live ?? r.value);
        else setError(r.error);
      });
    const off = getApi().on('consent.progress', (p) => {
      if (p.workspaceId !== workspaceId) return;
      setRun(p);
      if (p.state !== 'running') setFinishedCount((n) => n + 1);
    });
    return () => {
      current = false;
      off();
    };
  }, [workspaceId]);

  useEffect(() => {
    if (!withHistory) return;
    let current = true;
    void getApi()
      .call('consent.runs', { workspaceId, limit: 50 })
      .then((r) => {
        if (!current) return;
        if (r.ok) setHistory(r.value);
        else setError(r.error);
      });
    return () => {
      current = false;
    };
  }, [workspaceId, withHistory, finishedCount]);

  return { run, history, error };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}
