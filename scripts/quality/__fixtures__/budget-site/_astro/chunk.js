export const chunk="a shared chunk";console.log(chunk)
