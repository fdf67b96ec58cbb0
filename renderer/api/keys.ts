/** Query keys shared across features. Everything but the status is client data, dropped on lock. */
export const STATUS_KEY = ['app.status'] as const;
export const CLIENTS_KEY = ['clients.list'] as const;
export const USERS_KEY = ['users.list'] as const;
