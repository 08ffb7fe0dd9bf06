import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setApi } from './app/api';
import { useConnectionStore } from './app/connection-store';
import { createApi } from './transport/create-api';
import { pickBridge } from './transport/pick-bridge';
import './styles.css';

setApi(createApi(pickBridge((state) => useConnectionStore.getState().set(state))));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
