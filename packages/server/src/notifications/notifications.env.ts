import { z } from 'zod';

/**
 * This capability's own settings, read from the environment (config.ts stays the app's): e-mail goes
 * through SMTP when SMTP_URL is set, otherwise into <DATA_DIR>/mail/*.eml; VAPID keys come from the
 * environment when both are set, otherwise they are generated once and kept in the database.
 */
const NotificationEnvSchema = z.object({
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('"Dịch vụ công Quảng Ngãi" <no-reply@dichvucong.quangngai.gov.vn>'),
  VAPID_SUBJECT: z.string().default('mailto:no-reply@dichvucong.quangngai.gov.vn'),
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
});
export type NotificationEnv = z.infer<typeof NotificationEnvSchema>;

export function loadNotificationEnv(env: Record<string, string | undefined> = process.env): NotificationEnv {
  const parsed = NotificationEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình thông báo không hợp lệ (invalid notification settings):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
