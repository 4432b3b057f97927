/** How much the mouth of each level's face smiles (negative: frowns). */
const SMILE: Record<number, number> = { 5: 8, 4: 4, 3: 0, 2: -4, 1: -8 };

/** The face printed next to a satisfaction level on the slip (drawn: emoji fonts vary per computer). */
export function Face({
  level,
  size = 36,
  className = 'choice__face',
}: {
  level: number;
  size?: number;
  className?: string;
}) {
  const smile = SMILE[level] ?? 0;
  const mouthY = smile < 0 ? 23 : 20;
  return (
    <svg
      class={className}
      viewBox="0 0 32 32"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="16" cy="16" r="14" fill="#ffe08a" stroke="#5c4400" stroke-width="1.5" />
      <circle cx="11" cy="12.5" r="1.8" fill="#3b2b00" />
      <circle cx="21" cy="12.5" r="1.8" fill="#3b2b00" />
      <path
        d={`M9.5 ${mouthY} Q16 ${mouthY + smile} 22.5 ${mouthY}`}
        fill="none"
        stroke="#3b2b00"
        stroke-width="2"
        stroke-linecap="round"
      />
    </svg>
  );
}
