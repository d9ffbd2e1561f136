import { createContext, useContext } from 'react'

/** Closes the surrounding popover and returns focus to its button. */
export const PopoverCloseContext = createContext<() => void>(() => {})

export function usePopoverClose(): () => void {
  return useContext(PopoverCloseContext)
}
