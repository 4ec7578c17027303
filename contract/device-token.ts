import { z } from 'zod';
import { UserRoleSchema } from './backoffice';

// Inspector sign-in from the extension (POST /v1/auth/device): the hotline account's email and password once, then a
// device token in the extension's local storage. Shared by the server routes and the extension's options page.

export const DeviceLoginRequestSchema = z
  .object({
    email: z.string().min(1).max(320),
    password: z.string().min(1).max(200),
    /** what the inspector calls this browser, shown when they (or an admin) list and revoke devices */
    label: z.string().trim().min(1).max(100),
  })
  .meta({ id: 'DeviceLoginRequest', example: { email: 'thanhtra@qltt.gov.vn', password: 'correct horse battery staple', label: 'Chrome — laptop cơ quan' } });

export const DeviceUserSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    role: UserRoleSchema,
    org: z.object({ id: z.uuid(), name: z.string() }),
  })
  .meta({ id: 'DeviceUser' });
export type DeviceUser = z.infer<typeof DeviceUserSchema>;

export const DeviceLoginResponseSchema = z
  .object({
    /** `hdt_…`: send as `Authorization: Bearer` with reports; keep it out of synced storage */
    token: z.string().regex(/^hdt_[A-Za-z0-9_-]{43}$/),
    tokenId: z.uuid(),
    user: DeviceUserSchema,
  })
  .meta({ id: 'DeviceLoginResponse' });
export type DeviceLoginResponse = z.infer<typeof DeviceLoginResponseSchema>;

export const DeviceSessionSchema = z.object({ tokenId: z.uuid(), label: z.string(), user: DeviceUserSchema }).meta({ id: 'DeviceSession' });
export type DeviceSession = z.infer<typeof DeviceSessionSchema>;

export const DeviceTokenInfoSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    email: z.string(),
    label: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'DeviceTokenInfo' });
