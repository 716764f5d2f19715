import { z } from 'zod';

export const serviceCodeParam = z.object({ code: z.string().max(40) });
