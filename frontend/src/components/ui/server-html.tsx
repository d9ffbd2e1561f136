import { cn } from './cn'

/**
 * HTML that the server produced from Markdown and sanitised (`description_html`,
 * `body_html`). This is the only place the app renders raw HTML: never pass it
 * anything a person typed in the browser.
 */
export function ServerHtml({ html, className }: { html: string; className?: string }) {
  return <div dir="auto" className={cn('rich-text', className)} dangerouslySetInnerHTML={{ __html: html }} />
}
