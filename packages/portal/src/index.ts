// @kern/portal: The citizen portal: citizen login seam, front door requests, my plan, my data, messages.
export {};
