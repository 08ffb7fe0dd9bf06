import { BRIDGE_GLOBAL, type RawBridge } from '../../../shared/api';
import { createWebSocketBridge, type ConnectionState } from './web-socket-bridge';

/**
 * Electron's preload puts the bridge on window; the web host has none, so we talk to it over a
 * WebSocket on our own origin. Nothing else in the renderer knows which host it runs on.
 */
export function pickBridge(onConnectionState: (state: ConnectionState) => void): RawBridge {
  const fromPreload = (window as unknown as Record<string, RawBridge | undefined>)[BRIDGE_GLOBAL];
  if (fromPreload) {
    onConnectionState('open');
    return fromPreload;
  }
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`;
  return createWebSocketBridge(wsUrl, onConnectionState);
}
