import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { ConnectivityMonitor } from '../net/connectivity-monitor';
import type { Connectivity } from '../net/connectivity';
import type { RefreshService } from './refresh-service';

/** Offline first: the connectivity state, the cached picture with its age, and the one-click refresh. */
export function offlineHandlers(
  refresh: RefreshService,
  connectivity: Connectivity,
  monitor: ConnectivityMonitor,
): HandlerSlice<'connectivity.state' | 'connectivity.check' | 'offline.cache' | 'offline.refresh'> {
  return {
    'connectivity.state': () => connectivity.state(),
    'connectivity.check': () => monitor.check(),
    'offline.cache': () => ({ workspaces: refresh.cache() }),
    'offline.refresh': (i) => refresh.refresh(i),
  };
}
