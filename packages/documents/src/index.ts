export { TextDocument, drawable, renderTextPdf, type DocumentInfo, type PageLayout, type TextStyle } from './text-document';
export { fontBytes, type FontWeight } from './fonts';
export { rgb } from 'pdf-lib';
