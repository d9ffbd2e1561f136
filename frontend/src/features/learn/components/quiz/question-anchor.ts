/** The id of a question's card, where the navigator jumps to. */
export const questionAnchorId = (questionId: string) => `question-${questionId}`
