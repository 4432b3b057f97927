import { z } from 'zod';

/** Validation messages in Vietnamese, the product's default language (zod's `vi` locale). */
export function useVietnameseValidationMessages(): void {
  z.config(z.locales.vi());
}
