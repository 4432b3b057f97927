import { z } from 'zod';

/** Environment settings, parsed once at start-up. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  HAILONG_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  HAILONG_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
  HAILONG_STAFF_NETWORKS: z.string().optional(),
  HAILONG_SECURE_COOKIES: z.enum(['0', '1', 'true', 'false']).optional(),
  HAILONG_MODE: z.enum(['production', 'demo', 'development']).optional(),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Requests per minute and client address on each public endpoint (citizen pages, ingest). */
  publicRateLimitPerMinute: number;
  logLevel: string;
  /** Agency networks (CIDR list): ratings sent from them are flagged as an integrity signal. */
  staffNetworks: string | undefined;
  /** Mark the session cookie Secure even on plain HTTP (TLS ends at a reverse proxy). */
  secureCookies: boolean;
  /** NODE_ENV=production or HAILONG_MODE=production: refuse demo accounts and demo keys. */
  production: boolean;
}

/** Reads the configuration from `env`; invalid values stop the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const value = parsed.data;
  return {
    databaseUrl: value.DATABASE_URL,
    dataDir: value.HAILONG_DATA_DIR,
    port: value.PORT,
    host: value.HOST,
    publicRateLimitPerMinute: value.HAILONG_PUBLIC_RATE_LIMIT,
    logLevel: value.LOG_LEVEL,
    staffNetworks: value.HAILONG_STAFF_NETWORKS,
    secureCookies: value.HAILONG_SECURE_COOKIES === '1' || value.HAILONG_SECURE_COOKIES === 'true',
    production: value.HAILONG_MODE === 'production' || value.NODE_ENV === 'production',
  };
}
