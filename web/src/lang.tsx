import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { isLang, MESSAGES, type Lang, type Messages } from './i18n.ts';

const STORAGE_KEY = 'hailong.lang';

interface LangValue {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangValue>({ lang: 'vi', t: MESSAGES.vi, setLang: () => undefined });

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : 'vi';
  } catch {
    // Storage can be disabled (private mode, policies): Vietnamese it is.
    return 'vi';
  }
}

/** Holds the interface language: Vietnamese unless the user chose English (kept in localStorage). */
export function LangProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    // Screen readers and hyphenation follow <html lang>.
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<LangValue>(
    () => ({
      lang,
      t: MESSAGES[lang],
      setLang: (next) => {
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Not persisted; the choice still holds for this visit.
        }
        setLangState(next);
      },
    }),
    [lang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The current language, its dictionary and the switch. */
export function useI18n(): LangValue {
  return useContext(LangContext);
}

/** Sets the browser tab's title ("<page> — HàiLòng"), re-set when the language changes. */
export function useDocumentTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t.appName}`;
  }, [title, t]);
}
