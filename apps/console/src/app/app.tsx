import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-aria-components';
import { BrowserRouter, useHref, useNavigate, type NavigateOptions } from 'react-router';
import { ApiError } from '@console/api/problem';
import { ConsoleRoutes } from './routes';

declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: NavigateOptions;
  }
}

const queries = new QueryClient({
  defaultOptions: {
    // A refused call (4xx) will be refused again; only the network and 5xx are worth a retry.
    queries: { retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500) },
  },
});

/** React Aria links and buttons navigate through React Router, below /console. */
function AriaRouter({ children }: { children: React.ReactNode }) {
  const navigate = useNavigate();
  return (
    <RouterProvider navigate={(to, options) => void navigate(to, options)} useHref={useHref}>
      {children}
    </RouterProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queries}>
      <BrowserRouter basename="/console">
        <AriaRouter>
          <ConsoleRoutes />
        </AriaRouter>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
