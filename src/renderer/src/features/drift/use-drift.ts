import { useEffect, useState } from 'react';
import type { DriftItem, DriftProgress, DriftReport, WorkspaceDrift } from '../../../../shared/domain/drift';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';

/** The last drift report, a running check's progress ('drift.progress'), and repairs that update it in place. */
export function useDrift() {
  const [report, setReport] = useState<DriftReport | null | undefined>();
  const [progress, setProgress] = useState<DriftProgress | undefined>();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [repairing, setRepairing] = useState<string | undefined>();
  const [repairErrors, setRepairErrors] = useState<Record<string, AppErrorShape>>({});

  useEffect(() => {
    let current = true;
    void getApi()
      .call('drift.latest', {})
      .then((r) => {
        if (!current) return;
        if (r.ok) setReport((live) => live ?? r.value);
        else setError(r.error);
      });
    const off = getApi().on('drift.progress', (p) => {
      setProgress(p);
      const finished = p.workspace;
      if (finished) {
        // Each workspace shows as soon as it is checked, before the whole check ends.
        setReport((r) => (r ? { ...r, workspaces: [...r.workspaces.filter((w) => w.workspaceId !== finished.workspaceId), finished] } : r));
      }
    });
    return () => {
      current = false;
      off();
    };
  }, []);

  const checkAll = async () => {
    setChecking(true);
    setError(undefined);
    setRepairErrors({});
    setProgress(undefined);
    setReport((r) => (r ? { ...r, workspaces: [], finishedAt: null } : r));
    try {
      const r = await getApi().call('drift.checkAll', {});
      if (r.ok) setReport(r.value);
      else setError(r.error);
    } finally {
      setChecking(false);
    }
  };

  const repair = async (workspaceId: string, item: DriftItem) => {
    const id = `${workspaceId}|${item.key}`;
    setRepairing(id);
    setRepairErrors(({ [id]: _, ...rest }) => rest);
    try {
      const r = await getApi().call('drift.repair', { workspaceId, itemKey: item.key });
      if (r.ok) {
        const fresh: WorkspaceDrift = r.value.workspace;
        setReport((rep) => (rep ? { ...rep, workspaces: rep.workspaces.map((w) => (w.workspaceId === workspaceId ? fresh : w)) } : rep));
      } else setRepairErrors((e) => ({ ...e, [id]: r.error }));
    } finally {
      setRepairing(undefined);
    }
  };

  return { report, progress, checking, error, checkAll, repair, repairing, repairErrors };
}
