import { z } from 'zod';

/**
 * An RFC 9457 problem as the server answers it. Loose: a problem carries its own extras
 * (`errors`, `currentVersion`…), and a route's response schema must pass them through untouched.
 */
export const ProblemView = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.looseObject({ field: z.string(), message: z.string() })).optional(),
});

/**
 * The Idempotency-Key header of a creating POST. Required: without it the server answers 400 before
 * anything else; its form (8 to 200 of `A-Za-z0-9_.:-`) is checked by the server's idempotency module.
 */
export const IdempotencyKeyHeaders = z.object({
  'idempotency-key': z
    .string({ error: 'Bắt buộc với yêu cầu tạo hồ sơ' })
    .describe(
      'Khóa chống gửi trùng (8–200 ký tự A-Za-z0-9_.:-), một khóa cho mỗi lần nộp. Gửi lại cùng khóa và cùng nội dung: ' +
        'nhận lại câu trả lời đầu tiên (cùng mã trạng thái, header Idempotent-Replayed: true); cùng khóa, nội dung khác: 422; ' +
        'cùng khóa khi lần đầu còn đang xử lý: 409 idempotency-in-flight (thử lại sau giây lát).',
    ),
});

/** The documented failures of a creating POST under an Idempotency-Key. */
export const idempotentFailures = {
  400: ProblemView.describe('Dữ liệu không hợp lệ, hoặc thiếu / sai Idempotency-Key'),
  409: ProblemView.describe(
    'idempotency-in-flight: cùng khóa đang được xử lý (thử lại sau giây lát, sẽ nhận câu trả lời đã lưu); ' +
      'hoặc procedure-changed / chuyển trạng thái không hợp lệ',
  ),
  422: ProblemView.describe('Khóa đã dùng cho một nội dung khác, hoặc hồ sơ không đạt quy định'),
} as const;
