import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Keep in step with src/main/electron/ipc-bridge.ts. Literal strings here because a sandboxed
// preload should bundle nothing but itself.
const INVOKE_CHANNEL = 'eo:invoke';
const EVENT_CHANNEL = 'eo:event';

/**
 * The whole surface the page gets: call a contract channel, listen to contract events. No raw
 * ipcRenderer, no Node, no process.env. Main validates every channel and input.
 */
const bridge = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (typeof channel !== 'string') return Promise.reject(new TypeError('channel must be a string'));
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input);
  },
  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('entraOnboard', bridge);
