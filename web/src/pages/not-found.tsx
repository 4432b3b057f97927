import { useDocumentTitle, useI18n } from '../lang.tsx';
import { Link } from '../router.tsx';

/** A client-side route that does not exist. */
export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.notFoundPage.title);
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {t.notFoundPage.title}
      </h1>
      <div class="alert alert--info" role="alert">
        <p>{t.notFoundPage.body}</p>
        <p>
          <Link href="/ho-so">{t.notFoundPage.back}</Link>
        </p>
      </div>
    </>
  );
}
