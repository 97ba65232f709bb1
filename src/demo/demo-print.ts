// Bilingual, step-numbered output for the demo, with times in Asia/Shanghai.

let step = 0

export function heading(zh: string, en: string): void {
  step++
  console.log(`\n[${String(step).padStart(2, '0')}] ${zh} / ${en}`)
}

export function line(text: string): void {
  console.log(`     ${text}`)
}

export function shanghai(iso: string | Date): string {
  const text = new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
  return `${text} (Asia/Shanghai)`
}

/** 3850000000 fen → "¥38,500,000.00". */
export function yuan(fen: string): string {
  const value = BigInt(fen)
  const whole = (value / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `¥${whole}.${(value % 100n).toString().padStart(2, '0')}`
}
