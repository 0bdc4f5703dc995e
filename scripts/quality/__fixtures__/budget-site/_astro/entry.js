import"./chunk.js";console.log("entry")
