// @kern/offerings: General and group provisions without a decision: catalogue, enrolment, attendance.
export {};
