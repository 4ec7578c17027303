import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  CaseDetailSchema,
  CaseListSchema,
  CaseNoteSchema,
  CasePatchSchema,
  CaseQuerySchema,
  CaseSummarySchema,
  CreateNoteSchema,
} from '../../../contract/backoffice.ts';
import { requireUser, type BackofficeEnv } from '../auth/session.ts';
import type { Accounts } from '../backoffice/accounts.ts';
import { CaseError, type CaseStore } from '../backoffice/cases.ts';
import { exportStream } from '../backoffice/export.ts';
import { createRouter, ERRORS, jsonBody, ok, SECURED } from './router.ts';

const idParam = z.object({ id: z.string().regex(/^\d{1,18}$/, 'a case id is a number') });

const listCases = createRoute({
  method: 'get',
  path: '/v1/cases',
  tags: ['cases'],
  summary: 'The case inbox: filters, search and keyset pagination (triagers and admins: every case; inspectors: their organisation’s)',
  security: SECURED,
  request: { query: CaseQuerySchema },
  responses: { 200: ok(CaseListSchema, 'A page of cases'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403], 500: ERRORS[500] },
});

const exportCases = createRoute({
  method: 'get',
  path: '/v1/cases/export',
  tags: ['cases'],
  summary: 'Streams every case matching the filters as CSV (UTF-8 with BOM) or a JSON array',
  security: SECURED,
  request: { query: CaseQuerySchema.omit({ cursor: true, limit: true }).extend({ format: z.enum(['csv', 'json']).default('csv') }) },
  responses: {
    200: {
      description: 'The cases',
      content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.array(CaseSummarySchema) } },
    },
    400: ERRORS[400],
    401: ERRORS[401],
    403: ERRORS[403],
    500: ERRORS[500],
  },
});

const getCase = createRoute({
  method: 'get',
  path: '/v1/cases/{id}',
  tags: ['cases'],
  summary: "A case with its reports, notes, the seller's other cases and its history",
  security: SECURED,
  request: { params: idParam },
  responses: { 200: ok(CaseDetailSchema, 'The case'), 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404], 500: ERRORS[500] },
});

const patchCase = createRoute({
  method: 'patch',
  path: '/v1/cases/{id}',
  tags: ['cases'],
  summary: 'Change status (with a reason to close, reject or reopen), assigned organisation or priority',
  security: SECURED,
  request: { params: idParam, body: jsonBody(CasePatchSchema) },
  responses: { 200: ok(CaseSummarySchema, 'The updated case'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404], 409: ERRORS[409], 500: ERRORS[500] },
});

const addNote = createRoute({
  method: 'post',
  path: '/v1/cases/{id}/notes',
  tags: ['cases'],
  summary: 'Add an internal note (never shown to reporters)',
  security: SECURED,
  request: { params: idParam, body: jsonBody(CreateNoteSchema) },
  responses: { 201: ok(CaseNoteSchema, 'The note'), 400: ERRORS[400], 401: ERRORS[401], 403: ERRORS[403], 404: ERRORS[404], 500: ERRORS[500] },
});

const STATUS_OF: Record<CaseError['code'], 400 | 403 | 404 | 409> = {
  not_found: 404,
  forbidden: 403,
  invalid_transition: 409,
  reason_required: 400,
  unknown_org: 400,
  invalid_cursor: 400,
};

function caseFailure(c: Context<BackofficeEnv>, error: unknown) {
  if (!(error instanceof CaseError)) throw error;
  return c.json({ error: error.code, message: error.message }, STATUS_OF[error.code]);
}

export function caseRoutes(accounts: Accounts, cases: CaseStore) {
  const router = createRouter();
  router.use('/v1/cases/export', requireUser(accounts));
  router.use('/v1/cases', requireUser(accounts, ['admin', 'triager', 'inspector', 'trainer']));
  router.use('/v1/cases/:id{[0-9]+}', requireUser(accounts, ['admin', 'triager', 'inspector', 'trainer']));
  router.use('/v1/cases/:id{[0-9]+}/*', requireUser(accounts, ['admin', 'triager', 'inspector', 'trainer']));

  router.openapi(listCases, async (c) => {
    try {
      return c.json(await cases.list(c.get('user'), c.req.valid('query')), 200);
    } catch (error) {
      return caseFailure(c, error) as never;
    }
  });

  router.openapi(exportCases, async (c) => {
    const { format, ...filters } = c.req.valid('query');
    const day = new Date().toISOString().slice(0, 10);
    c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="hotline389-cases-${day}.${format}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(await exportStream(cases.iterate(c.get('user'), filters), format), 200) as never;
  });

  router.openapi(getCase, async (c) => {
    try {
      return c.json(await cases.detail(c.get('user'), c.req.valid('param').id), 200);
    } catch (error) {
      return caseFailure(c, error) as never;
    }
  });

  router.openapi(patchCase, async (c) => {
    try {
      return c.json(await cases.update(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200);
    } catch (error) {
      return caseFailure(c, error) as never;
    }
  });

  router.openapi(addNote, async (c) => {
    try {
      return c.json(await cases.addNote(c.get('user'), c.req.valid('param').id, c.req.valid('json').body), 201);
    } catch (error) {
      return caseFailure(c, error) as never;
    }
  });
  return router;
}
