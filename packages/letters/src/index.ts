// @kern/letters: letter templates per municipality and letter type (versioned data with
// placeholders) and the letters made from them: the beschikking of a recorded decision as a PDF,
// listed on the case and in the citizen's portal ("Brieven"), every read audited.
//
// Write for provisions (through its `decisionRecorded` seam, wired in the server):
//   makeDecisionLetter(services, tx, ctx, decision)   in the decision's own transaction
// Use cases (access first, audited): readCaseLetters, downloadLetter, listMyLetters, downloadMyLetter.
// Routes: lettersRoutes (staff), portalLettersRoutes (citizen).
export * from './contract';
export { fillTemplate, unknownPlaceholders, PLACEHOLDERS, type LetterTemplate, type LetterValues } from './template';
export { makeDecisionLetter, decisionLetterValues, letterTypeOf, provisionText, type LettersServices } from './make-letter';
export { readCaseLetters, downloadLetter, listMyLetters, downloadMyLetter } from './read-letters';
export { lettersRoutes, portalLettersRoutes } from './letters.routes';
