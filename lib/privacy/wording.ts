// Periods as the privacy notice and `npm run retention` write them: "12 månader", "1 dag".
export const formatMonths = (n: number) => `${n} ${n === 1 ? 'månad' : 'månader'}`
export const formatDays = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagar'}`
