// Example: a partner page with two <WorkflowEditor>s, each with its own theme, store and socket.
// Open /examples/embed-two.html?token=...&left=<workflowId>&right=<workflowId> on a page served by the runtime.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WorkflowEditor } from '../src/index.ts';

const params = new URLSearchParams(window.location.search);
const token = params.get('token') ?? '';
const box = { height: 'calc(50vh - 8px)', border: '1px solid #ccc', marginBottom: 8 };

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <div style={box} data-testid="left">
      <WorkflowEditor apiBaseUrl="" token={token} workflowId={params.get('left') ?? ''} />
    </div>
    <div style={box} data-testid="right">
      <WorkflowEditor
        apiBaseUrl=""
        token={token}
        workflowId={params.get('right') ?? ''}
        readOnly
        theme={{ productName: 'Acme Automate', colors: { primary: '#0a7d32', background: '#f4f8f4' }, radius: 2 }}
      />
    </div>
  </StrictMode>,
);
