-- The tables of schema.ts (what drizzle-kit would create for them), applied by the bench before it starts.
create schema if not exists better_auth;
create table if not exists better_auth."user" (
  id text primary key,
  name text not null,
  email text not null unique,
  email_verified boolean not null default false,
  image text,
  created_at timestamp not null default now(),
  updated_at timestamp not null default now()
);
create table if not exists better_auth.session (
  id text primary key,
  expires_at timestamp not null,
  token text not null unique,
  created_at timestamp not null default now(),
  updated_at timestamp not null,
  ip_address text,
  user_agent text,
  user_id text not null references better_auth."user"(id) on delete cascade
);
create index if not exists session_userId_idx on better_auth.session (user_id);
create table if not exists better_auth.account (
  id text primary key,
  account_id text not null,
  provider_id text not null,
  user_id text not null references better_auth."user"(id) on delete cascade,
  access_token text,
  refresh_token text,
  id_token text,
  access_token_expires_at timestamp,
  refresh_token_expires_at timestamp,
  scope text,
  password text,
  created_at timestamp not null default now(),
  updated_at timestamp not null
);
create index if not exists account_userId_idx on better_auth.account (user_id);
create table if not exists better_auth.verification (
  id text primary key,
  identifier text not null,
  value text not null,
  expires_at timestamp not null,
  created_at timestamp not null default now(),
  updated_at timestamp not null default now()
);
create index if not exists verification_identifier_idx on better_auth.verification (identifier);
