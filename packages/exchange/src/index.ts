// @kern/exchange: iWmo / iJw 3.2 messages: build, parse, validate, return codes, invoice verification.
export {};
