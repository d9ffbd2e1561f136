import { cn } from './cn'

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-md bg-slate-200', className)} />
}

/** Placeholder cards while a grid of course cards loads, announced once to screen readers. */
export function CardGridSkeleton({ label, cards = 3 }: { label: string; cards?: number }) {
  return (
    <div aria-busy="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <p role="status" className="sr-only">
        {label}
      </p>
      {Array.from({ length: cards }, (_, index) => (
        <Skeleton key={index} className="h-72" />
      ))}
    </div>
  )
}
