import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './App';
import { hardenWindow } from './harden';
import { cssVariablesResolver, theme } from './theme';

hardenWindow();

const queryClient = new QueryClient({
  defaultOptions: {
    // Client data is never refetched behind the user's back or kept after lock; see App.
    queries: { retry: false, refetchOnWindowFocus: false, gcTime: 60_000 },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
